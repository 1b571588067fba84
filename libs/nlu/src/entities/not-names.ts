/** Words that follow "I'm" / "it's" / "this is" or make up a short reply without being a name. */
export const NOT_NAMES = new Set(
  `a about above actually after again against ago ahead all almost alone along already alright also always am an and any anyone
  anything are around as asking at available away awesome back bad based basically be because been before being best better
  between bit both bored busy but by calling can checking cheers chilling close coming confused considering cool correct could
  curious currently definitely did different do doing done down drafting each either else enough even ever every excited exactly
  fan far fine first for free from fun further getting glad going gone good got great guess had happy hard has have he hello help
  her here hey hi him his hmm honestly hope hoping how i if in instead interested into is it its just keen kind know late later
  less like likely literally little looking lost lot love mainly maybe me meh might mine more most mostly much must my myself need
  never new next nice no nobody none nope nor not nothing now of off oh ok okay old on once one only open or other our out over
  own perfect planning please pleased possibly pretty probably quite rather ready real really right same satisfied searching see
  seeking she should since so some someone something sorry still stuck such sure thank thanks that the their them then there
  these they thinking this those though thrilled through thx to too totally trying unsure up us using very wanting was we well
  were what when where whether which while who why will with without wondering working would writing wrong yeah yep yes yet you
  your yours yup admin sales support team pricing price demo trial unsubscribe stop human agent person someone bot company`.split(/\s+/),
);
